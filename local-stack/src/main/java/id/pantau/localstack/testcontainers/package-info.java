/** The local stack on Testcontainers, used where a Docker engine is present. */
@NullMarked
package id.pantau.localstack.testcontainers;

import org.jspecify.annotations.NullMarked;
