# minn_add_model(<target> MODEL <file.minn> NAME <c identifier> [PRECISION f32|int8w] [DATA <dir>])
#
# Runs `minnc compile` at build time (again whenever the model file or minnc changes) into
# <binary dir>/minn/<NAME>/, adds the generated NAME.cpp to <target> and the generated headers and
# the runtime (minn::runtime) to its include path. The generated source is compiled with
# -ffp-contract=off: without it the floats would differ from `minnc predict` (no FMA contraction).
include_guard(GLOBAL)

function(minn_add_model target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODEL;NAME;PRECISION;DATA" "")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "minn_add_model(${target}): unexpected arguments '${arg_UNPARSED_ARGUMENTS}' "
                        "(expected MODEL <file.minn> NAME <identifier> [PRECISION f32|int8w] [DATA <dir>])")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "minn_add_model: '${target}' is not a target (call add_executable/add_library first)")
  endif()
  foreach(required MODEL NAME)
    if(NOT arg_${required})
      message(FATAL_ERROR "minn_add_model(${target}): ${required} is required")
    endif()
  endforeach()
  if(NOT arg_PRECISION)
    set(arg_PRECISION f32)
  endif()
  if(NOT arg_PRECISION MATCHES "^(f32|int8w)$")
    message(FATAL_ERROR "minn_add_model(${target}): PRECISION '${arg_PRECISION}': expected f32 or int8w")
  endif()
  get_filename_component(model "${arg_MODEL}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${model}")
    message(FATAL_ERROR "minn_add_model(${target}): MODEL '${model}' does not exist")
  endif()
  set(data_option "")
  if(arg_DATA)
    get_filename_component(data "${arg_DATA}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    set(data_option --data "${data}")
  endif()

  set(out "${CMAKE_CURRENT_BINARY_DIR}/minn/${arg_NAME}")
  set(generated "${out}/${arg_NAME}.h" "${out}/${arg_NAME}.hpp" "${out}/${arg_NAME}.cpp"
                "${out}/${arg_NAME}_report.json" "${out}/${arg_NAME}.md")
  add_custom_command(
    OUTPUT ${generated}
    COMMAND minn::minnc compile "${model}" --name ${arg_NAME} --out "${out}" --precision ${arg_PRECISION}
            ${data_option}
    DEPENDS "${model}" "$<TARGET_FILE:minn::minnc>"
    COMMENT "minnc compile ${arg_MODEL} -> ${arg_NAME} (${arg_PRECISION})"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}/${arg_NAME}.cpp" "${out}/${arg_NAME}.h" "${out}/${arg_NAME}.hpp")
  set_source_files_properties("${out}/${arg_NAME}.cpp" PROPERTIES GENERATED TRUE COMPILE_OPTIONS -ffp-contract=off)
  target_include_directories(${target} PUBLIC "${out}")
  target_link_libraries(${target} PUBLIC minn::runtime)
endfunction()
