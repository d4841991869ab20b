#include "compiler/model/facts.hpp"

namespace pglint::model {

std::string_view profile_name(Profile profile) {
  switch (profile) {
    case Profile::Balanced: return "balanced";
    case Profile::Cis: return "cis";
    case Profile::Strict: return "strict";
  }
  return "balanced";
}

std::optional<Profile> parse_profile(std::string_view text) {
  if (text == "balanced") return Profile::Balanced;
  if (text == "cis") return Profile::Cis;
  if (text == "strict") return Profile::Strict;
  return std::nullopt;
}

}  // namespace pglint::model
