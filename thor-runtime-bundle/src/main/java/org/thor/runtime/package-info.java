/**
 * The running Thor worker, as other bundles (the configuration deployer, the shell commands) use it.
 */
@Version("1.4.0")
package org.thor.runtime;

import org.osgi.annotation.versioning.Version;
