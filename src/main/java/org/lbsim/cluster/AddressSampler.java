package org.lbsim.cluster;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.lbsim.scenario.Cidr;

/**
 * Draws client source addresses: a block chosen uniformly among the client's CIDRs, then an
 * address uniformly within it. (Choosing blocks by size would make a /32 next to a /0 never
 * appear; listing a block means "some clients come from here".)
 */
final class AddressSampler {

    private final int[] networks;
    private final int[] hostMasks;
    private final RandomGenerator random;

    AddressSampler(List<Cidr> blocks, RandomGenerator random) {
        this.networks = blocks.stream().mapToInt(Cidr::network).toArray();
        this.hostMasks = blocks.stream().mapToInt(c -> c.prefixLength() == 32 ? 0 : -1 >>> c.prefixLength()).toArray();
        this.random = random;
    }

    int sample() {
        int block = networks.length == 1 ? 0 : random.nextInt(networks.length);
        int hostMask = hostMasks[block];
        return hostMask == 0 ? networks[block] : networks[block] | (random.nextInt() & hostMask);
    }
}
