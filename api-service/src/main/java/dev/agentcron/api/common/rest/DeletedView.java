package dev.agentcron.api.common.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code {"deleted": true}}: what deleting a sub-resource returns. */
@Schema(name = "Deleted", description = "Confirms a deletion.")
public record DeletedView(
        @Schema(example = "true", required = true) boolean deleted) {

    public static final DeletedView TRUE = new DeletedView(true);
}
