# Writes OUTPUT, a C++ source defining `const std::string_view vnews::NAME`
# that holds the bytes of INPUT, so that data files are compiled into the
# library instead of looked up at run time.
#   cmake -DINPUT=data.tsv -DOUTPUT=data_tsv.cc -DNAME=kData -P embed_text.cmake
file(READ "${INPUT}" content)
string(FIND "${content}" ")embedded\"" delimiter)
if(NOT delimiter EQUAL -1)
  message(FATAL_ERROR "${INPUT} holds the raw string's delimiter ')embedded\"'")
endif()
get_filename_component(input_name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${input_name} by common/embed_text.cmake: do not edit.\n"
  "#include <string_view>\n\n"
  "namespace vnews {\n"
  "extern const std::string_view ${NAME};\n"
  "const std::string_view ${NAME} = R\"embedded(${content})embedded\";\n"
  "}  // namespace vnews\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
file(REMOVE "${OUTPUT}.tmp")
