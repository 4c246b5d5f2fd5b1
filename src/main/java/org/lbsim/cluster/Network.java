package org.lbsim.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.lbsim.cluster.spec.NetworkAclSpec;
import org.lbsim.cluster.spec.Protocol;
import org.lbsim.engine.RandomStreams;
import org.lbsim.metrics.NetworkAclResult;

/**
 * The VPC's subnets and their network ACLs, on the path between the balancer and the servers.
 * The balancer's subnet and each server's are apart, so a connection between them leaves one
 * subnet and enters the other, and so does its answer: the SYN must pass the balancer's
 * outbound and the server's inbound rules, the SYN-ACK the server's outbound and the balancer's
 * inbound rules, to the balancer's ephemeral port. A subnet without a network ACL has AWS's
 * default one, which allows everything.
 *
 * <p>Ephemeral ports are drawn only when some network ACL exists, each from its own stream, so
 * that scenarios without one keep every random number they had.
 */
final class Network {

    /** Linux's default {@code net.ipv4.ip_local_port_range}: where clients' source ports come from. */
    static final int CLIENT_FIRST_PORT = 32768;
    static final int CLIENT_LAST_PORT = 60999;
    /** The range AWS tells network ACLs to expect from a load balancer's side of its connections to targets. */
    static final int BALANCER_FIRST_PORT = 1024;
    static final int BALANCER_LAST_PORT = 65535;

    private final List<NetworkAcl> acls = new ArrayList<>();
    private final Map<String, NetworkAcl> bySubnet = new HashMap<>();
    private final Map<Server, NetworkAcl> serverAcls = new IdentityHashMap<>();
    private final NetworkAcl balancerAcl;
    private final Address balancerAddress;
    private final UniformRandomProvider requestPorts;
    private final UniformRandomProvider checkPorts;
    /** Whether any network ACL exists: without one, every check passes and no port is drawn. */
    private final boolean any;

    Network(List<NetworkAclSpec> specs, Address balancerAddress, RandomStreams streams) {
        for (NetworkAclSpec spec : specs) {
            NetworkAcl acl = new NetworkAcl(spec);
            acls.add(acl);
            for (String subnet : spec.appliesTo()) bySubnet.put(subnet, acl);
        }
        this.balancerAcl = bySubnet.get(NetworkAclSpec.BALANCER);
        this.balancerAddress = balancerAddress;
        this.any = !acls.isEmpty();
        this.requestPorts = any ? streams.stream("balancer.ports") : null;
        this.checkPorts = any ? streams.stream("balancer.healthChecks.ports") : null;
    }

    boolean hasAcls() {
        return any;
    }

    /** The network ACL of the balancer's subnet, or null for the default (allow all). */
    NetworkAcl balancerAcl() {
        return balancerAcl;
    }

    /** The network ACL of the server's subnet, or null for the default (allow all). */
    NetworkAcl aclOf(Server server) {
        return serverAcls.get(server);
    }

    /** A server launched from the scenario goes into the subnet its name is listed for. */
    void place(Server server) {
        NetworkAcl acl = bySubnet.get(server.name());
        if (acl != null) serverAcls.put(server, acl);
    }

    /** A server launched like {@code template} goes into the template's subnet. */
    void placeLike(Server server, Server template) {
        NetworkAcl acl = serverAcls.get(template);
        if (acl != null) serverAcls.put(server, acl);
    }

    /** A client's source port, or 0 when no network ACL could look at it. */
    static int clientPort(UniformRandomProvider random) {
        return random == null ? 0 : CLIENT_FIRST_PORT + random.nextInt(CLIENT_LAST_PORT - CLIENT_FIRST_PORT + 1);
    }

    /** The balancer's source port for a new connection to a target (a health check's, when {@code check}). */
    int balancerPort(boolean check) {
        UniformRandomProvider random = check ? checkPorts : requestPorts;
        return random == null ? 0 : BALANCER_FIRST_PORT + random.nextInt(BALANCER_LAST_PORT - BALANCER_FIRST_PORT + 1);
    }

    /** Whether the balancer's SYN to the server's {@code port} crosses both subnets' ACLs. */
    boolean synReaches(Server server, int port, boolean count) {
        if (!any) return true;
        NetworkAcl serverAcl = serverAcls.get(server);
        return (balancerAcl == null || balancerAcl.allowsOut(Protocol.TCP, port, server.address(), count))
                && (serverAcl == null || serverAcl.allowsIn(Protocol.TCP, port, balancerAddress, count));
    }

    /** Whether the server's SYN-ACK (and so its answer) to the balancer's {@code balancerPort} crosses both ACLs. */
    boolean answerReaches(Server server, int balancerPort, boolean count) {
        if (!any) return true;
        NetworkAcl serverAcl = serverAcls.get(server);
        return (serverAcl == null || serverAcl.allowsOut(Protocol.TCP, balancerPort, balancerAddress, count))
                && (balancerAcl == null || balancerAcl.allowsIn(Protocol.TCP, balancerPort, server.address(), count));
    }

    void startCounting() {
        acls.forEach(NetworkAcl::startCounting);
    }

    List<NetworkAclResult> results() {
        return acls.stream().map(NetworkAcl::result).toList();
    }
}
