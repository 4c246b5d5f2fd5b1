/**
 * What a cluster is made of, as immutable values: the scenario ({@link org.lbsim.cluster.spec.Scenario})
 * and its clients, servers, balancer, security groups, network ACLs, failures, events and
 * autoscaling, in seconds and requests per second whatever units a file used.
 *
 * <p>The model is built from these; scenario files are read into them. They depend on nothing
 * in lbsim but the trace formats.
 */
package org.lbsim.cluster.spec;
