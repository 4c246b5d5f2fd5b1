package org.lbsim.cluster.spec;

/**
 * One kind of request in a client's mix, such as a cheap page or an expensive report: the share
 * of the client's requests it makes up and its own service demand. Results break latency down by
 * class name; two clients may share a class by naming it alike.
 */
public record RequestClassSpec(String name, double weight, DistributionSpec service) {

    public RequestClassSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a request class needs a name");
        if (!(weight > 0) || Double.isInfinite(weight)) throw new IllegalArgumentException("a class's weight must be positive");
        if (service == null) throw new IllegalArgumentException("a request class needs a service distribution");
    }
}
