package org.lbsim.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files lbsim writes results to (JSON, CSV, time series, charts). No folder is ever created:
 * a missing one is more likely a typo than a wish, and a typo should not leave folders behind.
 * A file can be checked before the runs that fill it, so that a long experiment is not lost to a
 * mistake in its name; a write that fails anyway says which file and why, in the operating
 * system's words ("permission denied", "no space left on device") rather than Java's.
 */
public final class OutputFiles {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A file that could not be written; the message says which and why. */
    public static final class WriteFailure extends IOException {
        WriteFailure(Path file, String reason) {
            super("cannot write " + file + ": " + reason);
        }
    }

    private OutputFiles() {
    }

    /**
     * Why {@code file} cannot be written, as far as can be told without writing it: its folder is
     * missing or is no folder, it is a folder itself, or it may not be written. Empty when it
     * looks writable (a device such as {@code /dev/null} is).
     */
    public static Optional<String> problem(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        String folderName = file.getParent() == null ? "." : file.getParent().toString();
        if (folder != null && !Files.exists(folder)) {
            return Optional.of("the folder " + folderName + " does not exist (lbsim creates no folders)");
        }
        if (folder != null && !Files.isDirectory(folder)) return Optional.of(folderName + " is not a folder");
        if (Files.isDirectory(file)) return Optional.of("it is a folder");
        if (Files.exists(file) ? !Files.isWritable(file) : folder != null && !Files.isWritable(folder)) {
            return Optional.of("permission denied");
        }
        return Optional.empty();
    }

    /** Writes {@code text} as UTF-8, replacing the file's content. */
    public static void write(Path file, String text) throws WriteFailure {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes what {@code content} produces, replacing the file's content; creates no folder. */
    public static void write(Path file, Content content) throws WriteFailure {
        Optional<String> problem = problem(file);
        if (problem.isPresent()) throw new WriteFailure(file, problem.get());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new WriteFailure(file, reason(file, e));
        }
    }

    /** An I/O failure as the operating system says it, without Java's class names. */
    private static String reason(Path file, IOException e) {
        if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
            return problem(file).orElse("no such file or folder");
        }
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return lowerFirst(fs.getReason());
        return e.getMessage() == null ? "an input/output error" : lowerFirst(e.getMessage());
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
