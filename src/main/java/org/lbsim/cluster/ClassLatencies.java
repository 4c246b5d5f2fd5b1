package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lbsim.cluster.spec.ClientSpec;
import org.lbsim.cluster.spec.RequestClassSpec;
import org.lbsim.metrics.ClassResult;
import org.lbsim.metrics.LatencyRecorder;

/**
 * The run's request classes, numbered in the order the clients' mixes name them (two clients
 * naming a class alike share it), and the latency of each class's completed requests.
 */
final class ClassLatencies {

    private final List<String> names;
    private final LatencyRecorder[] recorders;

    ClassLatencies(List<ClientSpec> clients) {
        Map<String, Integer> indices = new LinkedHashMap<>();
        for (ClientSpec client : clients) {
            for (RequestClassSpec requestClass : client.mix()) indices.putIfAbsent(requestClass.name(), indices.size());
        }
        this.names = List.copyOf(indices.keySet());
        this.recorders = new LatencyRecorder[names.size()];
        for (int i = 0; i < recorders.length; i++) recorders[i] = new LatencyRecorder();
    }

    /** The index of a class by name, as {@link Request#requestClass} holds it. */
    int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) throw new IllegalArgumentException("no request class " + name);
        return index;
    }

    void completed(int requestClass, double latency) {
        recorders[requestClass].record(latency);
    }

    List<ClassResult> results() {
        List<ClassResult> results = new ArrayList<>();
        for (int i = 0; i < recorders.length; i++) {
            results.add(new ClassResult(names.get(i), recorders[i].count(), recorders[i].summary()));
        }
        return results;
    }
}
