/** Teams and API keys: the accounts requests act as. Depends on nothing. */
package io.pomona.account;
