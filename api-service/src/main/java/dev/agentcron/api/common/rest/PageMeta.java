package dev.agentcron.api.common.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Pagination of a list response. */
@Schema(description = "Pagination of a list.")
public record PageMeta(
        @Schema(description = "Items matching the filters, over all pages.", example = "3")
        long total,

        @Schema(description = "Page size asked for.", example = "50")
        int limit,

        @Schema(description = "Items skipped before this page.", example = "0")
        int offset,

        @Schema(description = "Whether items follow this page.", example = "false")
        boolean hasMore) {}
