/**
 * Who is asking, as the gateway vouches for it: the gateway signs the requester's name, roles and address into a
 * short-lived token, and the services believe that token and nothing else. Also the rule that keeps cross-site
 * forms from changing anything.
 */
package dev.benchpulse.support.identity;
