package dev.agentcron.worker.gateway;

/** Every model of the chain failed; the message names each model and how it failed. */
public class GatewayUnavailableException extends RuntimeException {

    private final String code;

    public GatewayUnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** {@code gateway_unavailable}, or {@code gateway_rejected} when every model refused the request (4xx). */
    public String code() {
        return code;
    }
}
