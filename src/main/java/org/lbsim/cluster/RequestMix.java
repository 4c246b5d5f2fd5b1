package org.lbsim.cluster;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.engine.RandomStreams;

/**
 * What a client's next request is: its class, drawn by the mix's weights, and its work, drawn
 * from that class's service distribution. Each class's work has its own stream, so adding a
 * class does not change the numbers another class draws.
 */
final class RequestMix {

    private final RandomVariate single;
    private final SharedStateDiscreteSampler classes;
    private final int[] classIndices;
    private final RandomVariate[] services;

    RequestMix(ClientSpec client, RandomStreams streams, ClassLatencies registry) {
        String prefix = "clients." + client.name() + ".";
        List<RequestClassSpec> mix = client.mix();
        if (mix.isEmpty()) {
            // A trace client may have no service of its own: its lines give the work.
            this.single = client.service() == null ? () -> Double.NaN
                    : RandomVariates.of(client.service(), streams.stream(prefix + "service"));
            this.classes = null;
            this.classIndices = null;
            this.services = null;
            return;
        }
        this.single = null;
        int n = mix.size();
        this.classIndices = new int[n];
        this.services = new RandomVariate[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            RequestClassSpec requestClass = mix.get(i);
            classIndices[i] = registry.indexOf(requestClass.name());
            services[i] = RandomVariates.of(requestClass.service(), streams.stream(prefix + "service." + requestClass.name()));
            weights[i] = requestClass.weight();
        }
        UniformRandomProvider choice = streams.stream(prefix + "mix");
        // The alias method normalises the weights and draws in constant time.
        this.classes = AliasMethodDiscreteSampler.of(choice, weights);
    }

    /** Sets the request's class (when the client has a mix) and its work. */
    void draw(Request request) {
        if (single != null) {
            request.work = single.sample();
            return;
        }
        int position = classes.sample();
        request.requestClass = classIndices[position];
        request.work = services[position].sample();
    }
}
