package io.pomona.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.Map;

/** A compact JWS parsed and its header checked, not yet verified. */
record ParsedToken(JWSObject jws, TokenClaims claims) {

  /**
   * @param token the credentials from {@link BearerToken#extract}
   */
  static ParsedToken parse(String token) {
    BearerToken.requireCompactJws(token);
    JWSObject jws;
    try {
      // Nimbus 10.10 throws NullPointerException for a header that is the JSON literal null, so
      // only a header that is a JSON object goes on to JWSObject.parse.
      String header = new Base64URL(token.substring(0, token.indexOf('.'))).decodeToString();
      if (JSONObjectUtils.parse(header) == null) {
        throw Rejection.MALFORMED_TOKEN.exception();
      }
      jws = JWSObject.parse(token);
    } catch (ParseException e) {
      // Not JSON, not a JWS header (alg "none" is refused here too), or not Base64URL.
      throw Rejection.MALFORMED_TOKEN.exception();
    }
    JWSHeader header = jws.getHeader();
    // ES256 and nothing else (Apple's documentation); equality on the name, so "es256" fails.
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw Rejection.UNSUPPORTED_ALGORITHM.exception();
    }
    // Apple's tokens carry neither; "crit" could demand semantics we do not implement and
    // "b64": false changes what the signature covers (RFC 7797).
    if (header.getCriticalParams() != null
        || !header.isBase64URLEncodePayload()
        || header.getIncludedParams().contains("b64")) {
      throw Rejection.UNSUPPORTED_HEADER.exception();
    }
    JOSEObjectType type = header.getType();
    if (type != null && !type.getType().equalsIgnoreCase("JWT")) {
      throw Rejection.UNSUPPORTED_HEADER.exception();
    }
    String keyId = header.getKeyID();
    if (keyId == null || keyId.isBlank()) {
      throw Rejection.MISSING_KEY_ID.exception();
    }
    Map<String, Object> payload = jws.getPayload().toJSONObject();
    if (payload == null) {
      throw Rejection.MALFORMED_TOKEN.exception();
    }
    return new ParsedToken(jws, TokenClaims.read(keyId, payload));
  }
}
