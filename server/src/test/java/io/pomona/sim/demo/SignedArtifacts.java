package io.pomona.sim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import io.pomona.app.Pomona;
import io.pomona.testing.TestPomona;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/**
 * Checks certificates and profiles the way a client's tooling would: with standard X.509 path
 * validation and CMS verification against the CA chain Pomona publishes, and a real plist parser.
 */
final class SignedArtifacts {
  private final X509Certificate intermediate;
  private final X509Certificate root;

  private SignedArtifacts(List<X509Certificate> chain) {
    assertThat(chain).as("the published CA chain: intermediate, root").hasSize(2);
    this.intermediate = chain.get(0);
    this.root = chain.get(1);
  }

  /** The CA chain as a user downloads it from the server. */
  static SignedArtifacts of(TestPomona pomona) throws Exception {
    TestPomona.Response response = pomona.send(HttpRequest.newBuilder(pomona.url(Pomona.CA_PATH)).GET().build());
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return new SignedArtifacts(CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(response.raw().body().getBytes(StandardCharsets.US_ASCII)))
        .stream().map(X509Certificate.class::cast).toList());
  }

  /** A certificate's {@code certificateContent}, parsed as DER X.509. */
  static X509Certificate certificate(String base64) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  /** Fails unless {@code leaf} validates (PKIX) up to the root through the intermediate. */
  void requireChainsToTheCa(X509Certificate leaf) throws Exception {
    PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    pkix.setRevocationEnabled(false); // Pomona publishes no revocation list
    pkix.setDate(leaf.getNotBefore()); // valid when issued, whatever the simulated "now" of the test
    CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509")
        .generateCertPath(List.of(leaf, intermediate)), pkix);
  }

  /**
   * A profile's {@code profileContent}: its one CMS signature must verify, the signer must chain to
   * the CA; returns the signed plist, parsed.
   */
  NSDictionary verifiedPlist(String profileContent) throws Exception {
    CMSSignedData cms = new CMSSignedData(Base64.getDecoder().decode(profileContent));
    Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
    assertThat(signers).hasSize(1);
    SignerInformation signer = signers.iterator().next();
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
    X509CertificateHolder holder = matches.iterator().next();
    assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))).as("CMS signature").isTrue();
    requireChainsToTheCa(new JcaX509CertificateConverter().getCertificate(holder));
    return (NSDictionary) PropertyListParser.parse((byte[]) cms.getSignedContent().getContent());
  }

  /** The strings of a plist array. */
  static List<String> strings(NSObject array) {
    return Arrays.stream(((NSArray) array).getArray()).map(item -> String.valueOf(item.toJavaObject())).toList();
  }
}
