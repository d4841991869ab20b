#pragma once
// The facts an intent file states, in the model's terms.
#include "compiler/model/facts.hpp"
#include "compiler/syntax/intent/intent.hpp"

namespace pglint::model {

Facts facts_from_intent(const intent::Intent& intent);

}  // namespace pglint::model
