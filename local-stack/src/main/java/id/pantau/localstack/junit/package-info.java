/** The JUnit 5 extension that gives integration tests one shared local stack per module run. */
@NullMarked
package id.pantau.localstack.junit;

import org.jspecify.annotations.NullMarked;
