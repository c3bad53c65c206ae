package org.thor.runtime.rest;

/** An error in the shape of Connect's own: {@code {"error_code":401,"message":"..."}}. */
record ErrorBody(int code, String message) {

    String json() {
        StringBuilder json = new StringBuilder("{\"error_code\":").append(code).append(",\"message\":\"");
        for (char c : message.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append("\"}").toString();
    }
}
