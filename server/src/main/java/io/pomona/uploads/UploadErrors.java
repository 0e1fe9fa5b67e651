package io.pomona.uploads;

import io.pomona.error.ApiError;
import io.pomona.error.ApiException;

/**
 * The errors of the part route and of commits. Apple's part URLs belong to its storage service,
 * whose errors no client parses; Pomona answers them as Apple error documents in the API's code
 * families (api-facts.md §2) so that a person reading them sees what went wrong and where.
 */
final class UploadErrors {
  private UploadErrors() {}

  static ApiException unknownReservation(String token) {
    return new ApiException(new ApiError(404, "NOT_FOUND", "The specified resource does not exist",
        "There is no upload reservation '" + token + "'"));
  }

  static ApiException expired(String token) {
    return new ApiException(new ApiError(403, "FORBIDDEN_ERROR", "This request is forbidden for security reasons",
        "The upload reservation '" + token + "' has expired; reserve the file again"));
  }

  static ApiException committed(String token) {
    return new ApiException(new ApiError(409, "STATE_ERROR", "The request cannot be fulfilled in the current state",
        "The upload '" + token + "' is already committed; no more parts can be uploaded"));
  }

  static ApiException partOutOfRange(int partNumber, int count) {
    return new ApiException(new ApiError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value",
        "Part " + partNumber + " is out of range: this upload has " + count + (count == 1 ? " part" : " parts")
            + " (1.." + count + ")").withSource(ApiError.Source.parameter("partNumber")));
  }

  static ApiException wrongLength(int partNumber, long expected, long received) {
    return new ApiException(new ApiError(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value",
        "Part " + partNumber + " is " + expected + " bytes long; the request sent " + received
            + (received > expected ? " or more" : "")).withSource(ApiError.Source.parameter("Content-Length")));
  }

  static ApiException partAlreadyUploaded(int partNumber) {
    return new ApiException(new ApiError(409, "STATE_ERROR", "The request cannot be fulfilled in the current state",
        "Part " + partNumber + " was already uploaded; each part is uploaded once"));
  }
}
