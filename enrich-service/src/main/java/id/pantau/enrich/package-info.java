/** enrich-service entry point: loads config, wires the topology and starts it. */
@NullMarked
package id.pantau.enrich;

import org.jspecify.annotations.NullMarked;
