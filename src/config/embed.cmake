# Turns examples/config.toml into a C++ source holding it as one string (run with cmake -P).
file(READ "${INPUT}" content)
string(FIND "${content}" ")kint_toml\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "config.toml contains the raw-string delimiter")
endif()
file(WRITE "${OUTPUT}.tmp" "// Generated from examples/config.toml; do not edit.\n#include <string_view>\nnamespace kint::config {\nextern const std::string_view default_config_text = R\"kint_toml(${content})kint_toml\";\n}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
