/** Topic descriptors and dead-letter conventions shared by every pantau service. */
@NullMarked
package id.pantau.schemas;

import org.jspecify.annotations.NullMarked;
