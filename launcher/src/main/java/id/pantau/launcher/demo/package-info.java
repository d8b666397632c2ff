/**
 * The launcher's demo site ({@code --demo}): stand-ins for the five outlets, served from loopback,
 * publishing articles written for pantau so that the pipeline can be watched without network.
 */
@NullMarked
package id.pantau.launcher.demo;

import org.jspecify.annotations.NullMarked;
