/** Helpers of the local stack (ports, waiting, files); nothing outside local-stack may import them. */
@NullMarked
package id.pantau.localstack.internal;

import org.jspecify.annotations.NullMarked;
