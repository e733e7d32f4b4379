//! Random tokens, their hashes, and password hashing (Argon2id).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use sha2::{Digest, Sha256};

/// 32 random bytes, URL-safe: session ids, single-use link tokens, nonces.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What we store instead of a token: its SHA-256, hex.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// OWASP's Argon2id recommendation: 19 MiB, 2 passes, 1 lane. PHC strings carry the parameters,
/// so they can be raised later without invalidating stored hashes.
fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_password(password: &str) -> Result<String, String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// A hash of a password nobody has, with the same parameters: checking an unknown email against it
/// takes as long as checking a wrong password, so timing does not reveal who has an account.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2lsaWNvbmtlcm5lZHVtbXk$0M4HpYlEVp7mGlxO1b9dG8x0jv4M7eLxqXgYp5wzX0A";

/// Does `password` match `phc`? With `None` (no such account), spends the same time and says no.
pub fn verify_password(password: &str, phc: Option<&str>) -> bool {
    let target = phc.unwrap_or(DUMMY_HASH);
    let Ok(parsed) = PasswordHash::new(target) else {
        return false;
    };
    let ok = argon2()
        .verify_password(password.as_bytes(), &parsed)
        .is_ok();
    ok && phc.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_round_trip_and_the_dummy_hash_parses() {
        let h = hash_password("kerne-demo").expect("hash");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password("kerne-demo", Some(&h)));
        assert!(!verify_password("kerne-demo!", Some(&h)));
        assert!(!verify_password("kerne-demo", None));
        assert!(
            PasswordHash::new(DUMMY_HASH).is_ok(),
            "the dummy hash must parse, or unknown emails answer faster"
        );
    }

    #[test]
    fn tokens_are_long_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
    }
}
