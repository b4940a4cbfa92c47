#include "pdf/structure_joins.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <optional>
#include <variant>

#include "galley/errors.hpp"

namespace galley::pdf::detail {

void StructureTracker::add_page(const layout::Page& page) {
  for (const layout::Item& item : page.items) {
    if (std::holds_alternative<layout::LinkItem>(item)) {
      ++children_.back();
      continue;
    }
    const auto* mark = std::get_if<layout::StructureItem>(&item);
    if (!mark) continue;
    if (!mark->begin) {
      if (path_.empty()) throw Error(ErrorKind::internal, "", "a structure element ended that was never begun");
      path_.pop_back();
      children_.pop_back();
      continue;
    }
    path_.push_back(children_.back()++);
    children_.push_back(0);
    if (mark->key.empty()) continue;
    auto [found, added] = by_key_.try_emplace(mark->key, JoinedElement{mark->tag, {}});
    if (added) keys_in_order_.push_back(mark->key);
    found->second.parts.push_back(path_);
  }
}

std::vector<JoinedElement> StructureTracker::joined() const {
  std::vector<JoinedElement> joins;
  for (const std::string& key : keys_in_order_)
    if (const JoinedElement& element = by_key_.at(key); element.parts.size() > 1) joins.push_back(element);
  return joins;
}

namespace {

[[noreturn]] void tree_mismatch(const std::string& why) {
  throw Error(ErrorKind::internal, "", "the PDF's structure tree is not as it was drawn: " + why);
}

bool has_type(QPDFObjectHandle object, const char* type) {
  return object.isDictionary() && object.getKey("/Type").isNameAndEquals(type);
}

// A kid that is a structure element, not marked content (an MCID or an
// MCR) or an annotation (an OBJR).
bool is_element(QPDFObjectHandle kid) {
  return kid.isDictionary() && !has_type(kid, "/MCR") && !has_type(kid, "/OBJR");
}

std::vector<QPDFObjectHandle> kids_of(QPDFObjectHandle element) {
  QPDFObjectHandle kids = element.getKey("/K");
  if (kids.isArray()) return kids.getArrayAsVector();
  if (kids.isNull()) return {};
  return {kids};
}

QPDFObjectHandle element_at(QPDFObjectHandle document, const ElementPath& path) {
  QPDFObjectHandle element = document;
  for (std::size_t index : path) {
    std::size_t seen = 0;
    QPDFObjectHandle next;
    for (QPDFObjectHandle kid : kids_of(element))
      if (is_element(kid) && seen++ == index) {
        next = kid;
        break;
      }
    if (!next.isInitialized()) tree_mismatch("no element at a drawn place");
    element = next;
  }
  return element;
}

// What the parent tree says owns the marked content `mcid` of `page` (or,
// with no MCID, the annotation whose /StructParent is `key`): now `owner`.
class ParentTree {
 public:
  explicit ParentTree(QPDF& pdf) {
    QPDFObjectHandle tree = pdf.getRoot().getKey("/StructTreeRoot").getKey("/ParentTree");
    if (tree.isDictionary()) tree_.emplace(tree, pdf);
  }
  void set_content_owner(QPDFObjectHandle page, long long mcid, QPDFObjectHandle owner) {
    QPDFObjectHandle key = page.getKey("/StructParents");
    if (!tree_ || !key.isInteger()) return;
    auto found = tree_->find(key.getIntValue());
    if (found == tree_->end()) return;
    QPDFObjectHandle owners = found->second;
    if (owners.isArray() && mcid >= 0 && mcid < owners.getArrayNItems())
      owners.setArrayItem(static_cast<int>(mcid), owner);
  }
  void set_annotation_owner(QPDFObjectHandle annotation, QPDFObjectHandle owner) {
    QPDFObjectHandle key = annotation.getKey("/StructParent");
    if (tree_ && key.isInteger()) tree_->insert(key.getIntValue(), owner);
  }

 private:
  std::optional<QPDFNumberTreeObjectHelper> tree_;
};

// Moves `part`'s kids to the end of `first`'s; `part` is left empty.
void move_kids(QPDFObjectHandle part, QPDFObjectHandle first, ParentTree& parents) {
  QPDFObjectHandle kids = first.getKey("/K");
  if (!kids.isArray()) {
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    if (!kids.isNull()) array.appendItem(kids);
    first.replaceKey("/K", array);
    kids = array;
  }
  const QPDFObjectHandle part_page = part.getKey("/Pg");
  for (QPDFObjectHandle kid : kids_of(part)) {
    if (kid.isInteger()) {
      // Marked content of the part's page: named with its page, since the
      // first part's page is another.
      QPDFObjectHandle reference = QPDFObjectHandle::newDictionary();
      reference.replaceKey("/Type", QPDFObjectHandle::newName("/MCR"));
      reference.replaceKey("/Pg", part_page);
      reference.replaceKey("/MCID", kid);
      parents.set_content_owner(part_page, kid.getIntValue(), first);
      kid = reference;
    } else if (has_type(kid, "/MCR")) {
      if (!kid.hasKey("/Pg")) kid.replaceKey("/Pg", part_page);
      parents.set_content_owner(kid.getKey("/Pg"), kid.getKey("/MCID").getIntValue(), first);
    } else if (has_type(kid, "/OBJR")) {
      parents.set_annotation_owner(kid.getKey("/Obj"), first);
    } else {
      kid.replaceKey("/P", first);
    }
    kids.appendItem(kid);
  }
  part.replaceKey("/K", QPDFObjectHandle::newArray());
}

void remove_from_parent(QPDFObjectHandle element) {
  QPDFObjectHandle parent = element.getKey("/P");
  QPDFObjectHandle kids = parent.getKey("/K");
  if (!kids.isArray()) {
    parent.replaceKey("/K", QPDFObjectHandle::newArray());
    return;
  }
  for (int index = 0; index < kids.getArrayNItems(); ++index)
    if (kids.getArrayItem(index).getObjGen() == element.getObjGen()) {
      kids.eraseItem(index);
      return;
    }
  tree_mismatch("an element missing from its parent");
}

}  // namespace

void join_structure_elements(QPDF& pdf, const std::vector<JoinedElement>& joins) {
  if (joins.empty()) return;
  QPDFObjectHandle top = pdf.getRoot().getKey("/StructTreeRoot").getKey("/K");
  if (top.isArray() && top.getArrayNItems() == 1) top = top.getArrayItem(0);
  if (!top.isDictionary()) tree_mismatch("no Document element");
  // Every part is found before any is moved: moving changes the places.
  std::vector<std::vector<QPDFObjectHandle>> parts;
  for (const JoinedElement& join : joins) {
    parts.emplace_back();
    for (const ElementPath& path : join.parts) {
      QPDFObjectHandle element = element_at(top, path);
      if (!element.getKey("/S").isNameAndEquals("/" + join.tag)) tree_mismatch("a " + join.tag + " drawn, another found");
      if (!element.isIndirect()) tree_mismatch("an element that is not an object of its own");
      parts.back().push_back(element);
    }
  }
  ParentTree parents(pdf);
  for (const std::vector<QPDFObjectHandle>& elements : parts)
    for (std::size_t index = 1; index < elements.size(); ++index) {
      move_kids(elements[index], elements.front(), parents);
      remove_from_parent(elements[index]);
    }
}

}  // namespace galley::pdf::detail
