package io.pomona.sim.demo;

/** What every seeder shares: where resources go, the seeded randomness and the demo's "now". */
record DemoContext(DemoWriter out, DemoRandom random, DemoTime time) {}
