#pragma once
// Fixes for docker-compose files and Dockerfiles: byte edits at the positions the readers
// found (yaml-cpp node marks, Dockerfile words), never a re-dump, quotes kept as written.
#include <optional>
#include <string>
#include <string_view>

#include "compiler/engine/diagnostic.hpp"
#include "compiler/syntax/compose/compose.hpp"

namespace pglint::rules {

// An edit writing `value` where `written` is (bare or inside its own quotes) at `span`;
// nullopt when the bytes there are not exactly that (escapes, folding, variables).
std::optional<engine::Edit> replace_written(const SourceFilePtr& file, Span span, std::string_view written,
                                            std::string_view value);

// A published port bound to 127.0.0.1 (or ::1 for "::"): the short syntax gets a host IP
// prefix, the long syntax a `host_ip:` key when it is a plain block mapping.
std::optional<engine::Fix> loopback_port_fix(const SourceFilePtr& file, const compose::PortMapping& port);

// The official postgres image untagged or :latest, pinned to `major` ("postgres:16").
std::optional<engine::Fix> pin_image_fix(const SourceFilePtr& file, const container::Located& image, int major);

}  // namespace pglint::rules
