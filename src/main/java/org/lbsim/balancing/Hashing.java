package org.lbsim.balancing;

import java.nio.charset.StandardCharsets;

/** The hash functions of the hashing algorithms: stable across JVMs and runs, unlike {@code hashCode}. */
final class Hashing {

    private Hashing() {
    }

    /** MurmurHash3's 32-bit finaliser: every bit of the address moves every bit of the hash. */
    static int mix(int address) {
        int h = address;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** 32 well-mixed bits of a text: FNV-1a over its UTF-8 bytes, then {@link #mix}. */
    static int of(String text) {
        int h = 0x811c9dc5;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return mix(h);
    }
}
