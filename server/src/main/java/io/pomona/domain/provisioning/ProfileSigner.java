package io.pomona.domain.provisioning;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Wraps a profile's plist the way Apple ships it: a CMS (PKCS#7) SignedData with the plist as
 * encapsulated content, signed by Pomona's profile-signing certificate, carrying that certificate,
 * the intermediate and the root — so {@code openssl cms -verify -CAfile <root>} and {@code security
 * cms -D} read it as they read Apple's.
 */
final class ProfileSigner {
  private final CertificateAuthority authority;

  ProfileSigner(CertificateAuthority authority) {
    this.authority = authority;
  }

  /** The signed profile, base64 (the API's {@code profileContent}). */
  String sign(byte[] plist) {
    CertificateAuthority.Signer signer = authority.profileSigner();
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build())
          .build(new JcaContentSignerBuilder(CertificateAuthority.SIGNATURE_ALGORITHM).build(signer.key()),
              signer.certificate()));
      generator.addCertificates(new JcaCertStore(authority.profileSignerChain()));
      CMSSignedData signed = generator.generate(new CMSProcessableByteArray(plist), true);
      return Base64.getEncoder().encodeToString(signed.getEncoded("DER"));
    } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
      throw new IllegalStateException("cannot sign a provisioning profile", e);
    }
  }
}
