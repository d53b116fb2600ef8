-- The seal's private key leaves the database (issue 10, item 6): it lives in a PKCS#12 keystore file protected by a
-- password from configuration. The table keeps the public keys, by which every certificate issued so far still
-- verifies; the next certificate is sealed with the keystore's key (registered here on first use).
ALTER TABLE casework_seal_key DROP COLUMN private_key;
