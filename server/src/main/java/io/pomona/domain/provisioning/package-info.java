/**
 * Provisioning (Certificates, Identifiers &amp; Profiles): bundle IDs and their capabilities,
 * devices, certificates issued from clients' CSRs by Pomona's own {@link
 * io.pomona.domain.provisioning.CertificateAuthority}, and provisioning profiles signed by it.
 * Behaviours only (style.md §2.1); each Apple rule lives in one table or class, with its source.
 *
 * <p>Depends on {@code io.pomona.behaviour}, {@code io.pomona.store} (resource values and the
 * settings that keep the CA), {@code io.pomona.account}, {@code io.pomona.error} and BouncyCastle;
 * never on the engine, HTTP or another area.
 */
package io.pomona.domain.provisioning;
