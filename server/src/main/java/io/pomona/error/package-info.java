/** The one error type ({@link io.pomona.error.ApiException}) and Apple's codes. Depends on nothing. */
package io.pomona.error;
