package org.lbsim.cluster;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.lbsim.cluster.spec.Cidr;

/**
 * Draws client source addresses: a block chosen uniformly among the client's CIDRs, then an
 * address uniformly within it, IPv4 or IPv6 as the block is. (Choosing blocks by size would make
 * a /32 next to a /0 never appear; listing a block means "some clients come from here".)
 */
final class AddressSampler {

    private final Cidr[] blocks;
    /** Per block, IPv4's network and host mask as ints, so that the common case reads no object. */
    private final int[] networks;
    private final int[] hostMasks;
    private final UniformRandomProvider random;

    AddressSampler(List<Cidr> blocks, UniformRandomProvider random) {
        this.blocks = blocks.toArray(Cidr[]::new);
        this.networks = blocks.stream().mapToInt(c -> (int) c.low()).toArray();
        this.hostMasks = blocks.stream().mapToInt(c -> c.ipv6() || c.prefixLength() == 32 ? 0 : -1 >>> c.prefixLength())
                .toArray();
        this.random = random;
    }

    /** Draws an address into {@code into}: the request's reused address. */
    void sample(Address into) {
        int index = blocks.length == 1 ? 0 : random.nextInt(blocks.length);
        int hostMask = hostMasks[index];
        if (hostMask == 0 && blocks[index].ipv6()) {
            Cidr block = blocks[index];
            // The IPv4 draws below are kept exactly as they were, so IPv4-only scenarios keep their numbers.
            int prefix = block.prefixLength();
            long high = prefix >= 64 ? block.high() : block.high() | (random.nextLong() & ~Cidr.highMask(true, prefix));
            long low = prefix == 128 ? block.low() : block.low() | (random.nextLong() & ~Cidr.lowMask(true, prefix));
            into.setIpv6(high, low);
            return;
        }
        into.setIpv4(hostMask == 0 ? networks[index] : networks[index] | (random.nextInt() & hostMask));
    }
}
