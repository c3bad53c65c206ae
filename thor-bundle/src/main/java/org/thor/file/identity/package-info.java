/**
 * Which file is which, proven by content: a file's device and inode ({@link org.thor.file.identity.FileKeys}),
 * its first bytes ({@link org.thor.file.identity.Fingerprint}), the bytes just before a read position
 * ({@link org.thor.file.identity.ReadMark}), and the content those are read from, plain or
 * decompressed ({@link org.thor.file.identity.FileContent}). The connector's streams use them to tell a
 * copytruncate copy, a renamed file found again after a restart and a new file that begins with the
 * same banner apart.
 */
package org.thor.file.identity;
