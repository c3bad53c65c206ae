package org.thor.runtime.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request body that is not the JSON a resource expects is the client's mistake: 400 with the
 * parser's message (where in the body it failed), not the 500 Connect's own mapper gives it.
 */
final class InvalidJsonMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        String message = "The request body is not valid JSON for this resource: " + exception.getOriginalMessage()
                + (exception.getLocation() == null ? "" : " (line " + exception.getLocation().getLineNr()
                + ", column " + exception.getLocation().getColumnNr() + ")");
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(400, message).json()).build();
    }
}
