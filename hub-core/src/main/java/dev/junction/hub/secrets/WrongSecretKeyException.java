package dev.junction.hub.secrets;

/**
 * A stored secret does not decrypt with the key the hub was started with. Thrown instead of returning
 * garbage, so the operator learns at once that the key changed (and which places the key comes from).
 */
public final class WrongSecretKeyException extends IllegalStateException {
    public static final String MESSAGE = "cannot decrypt connection secrets: the key in "
            + SecretCipher.ENV_VAR + " / " + SecretCipher.KEY_FILE
            + " is not the one they were encrypted with";

    public WrongSecretKeyException() {
        super(MESSAGE);
    }
}
