# What `cmake --install` puts under the prefix, so that a firmware project can
# `find_package(minn)` and call `minn_add_model` (cmake/minnAddModel.cmake):
#   bin/minnc, include/minn/*.hpp (the runtime), share/cmake/minn/ (config, version, targets),
#   share/minn/toolchains/ (cross toolchain files), share/minn/boards/ (Cortex-M linker scripts).
# The package files go to share/, not lib/<arch>/: a cross build (CMAKE_LIBRARY_ARCHITECTURE of the
# target, 32-bit pointers) must find the host's minnc, so the package is architecture independent.
include(CMakePackageConfigHelpers)

set(MINN_INSTALL_CMAKEDIR ${CMAKE_INSTALL_DATADIR}/cmake/minn)
set(MINN_INSTALL_TOOLCHAINSDIR ${CMAKE_INSTALL_DATADIR}/minn/toolchains)
set(MINN_INSTALL_BOARDSDIR ${CMAKE_INSTALL_DATADIR}/minn/boards)

install(EXPORT minnTargets NAMESPACE minn:: DESTINATION ${MINN_INSTALL_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/minnConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/minnConfig.cmake
  INSTALL_DESTINATION ${MINN_INSTALL_CMAKEDIR}
  PATH_VARS MINN_INSTALL_TOOLCHAINSDIR MINN_INSTALL_BOARDSDIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/minnConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/minnConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/minnConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/minnAddModel.cmake
        DESTINATION ${MINN_INSTALL_CMAKEDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/toolchains/ DESTINATION ${MINN_INSTALL_TOOLCHAINSDIR}
        FILES_MATCHING PATTERN "*.cmake")
install(FILES ${PROJECT_SOURCE_DIR}/targets/common/cortexm_sections.ld DESTINATION ${MINN_INSTALL_BOARDSDIR}/common)
foreach(board mps2-an385 mps2-an386 mps2-an500 mps2-an505 mps3-an547 microbit)
  install(FILES ${PROJECT_SOURCE_DIR}/targets/${board}/${board}.ld DESTINATION ${MINN_INSTALL_BOARDSDIR}/${board})
endforeach()
