package org.lbsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole input file as UTF-8 text through a bounded stream: at most one byte more than
 * the limit is ever read, whatever the file is. A size taken from the file system is not enough:
 * a device such as {@code /dev/zero} or a pipe reports a size of 0 and never ends.
 *
 * <p>Every file lbsim reads whole goes through here (scenario files); files read line by line
 * (traces) are streamed with a bound on a line's length instead.
 */
final class InputFiles {

    private InputFiles() {
    }

    /**
     * The file's text.
     *
     * @param maxBytes the most bytes accepted
     * @param what     what the file should be, for messages: "a scenario file"
     * @throws ScenarioException with one problem naming the file: missing, a folder, unreadable,
     *                           longer than {@code maxBytes}, or not UTF-8
     */
    static String readText(Path file, int maxBytes, String what) throws ScenarioException {
        String source = file.toString();
        if (Files.isDirectory(file)) throw problem(source, "found a folder, expected " + what);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw problem(source, "file not found");
        } catch (AccessDeniedException e) {
            throw problem(source, "the file cannot be read: permission denied");
        } catch (IOException e) {
            throw problem(source, "the file cannot be read: " + reason(e));
        }
        if (bytes.length > maxBytes) {
            throw problem(source, String.format("found more than %,d bytes, expected %s of at most %s",
                    maxBytes, what, size(maxBytes)));
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw problem(source, "found bytes that are not UTF-8 text, expected " + what + " in UTF-8");
        }
    }

    /** {@code 1 MiB (1,048,576 bytes)}, or just the bytes when they are not whole mebibytes. */
    static String size(int bytes) {
        String exact = String.format("%,d bytes", bytes);
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB (" + exact + ")" : exact;
    }

    /** An I/O failure's reason as the operating system gives it, without Java's class names. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) return fs.getReason();
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }

    private static ScenarioException problem(String where, String message) {
        return new ScenarioException(new ScenarioException.Problem(where, message));
    }
}
