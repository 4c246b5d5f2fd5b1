package org.lbsim.scenario;

/** Where a value was written: its line and column, and its YAML path, for a problem found later. */
record Place(Location location, String path) {
}
