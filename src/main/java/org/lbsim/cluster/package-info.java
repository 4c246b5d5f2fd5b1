/**
 * The modelled world: traffic sources, requests, security groups, the load balancer with its
 * health checks, servers and their failures, and the control API that scripted events and the
 * UI share.
 *
 * <p>May use {@code engine}, {@code balancing}, {@code metrics} and the trace readers; it is built
 * from its own value types ({@code cluster.spec}), which scenario files are read into.
 * Everything here runs on the simulation's thread.
 */
package org.lbsim.cluster;
