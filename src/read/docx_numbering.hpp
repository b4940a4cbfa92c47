// Word's list numbering (numbering.xml): abstract lists, their instances
// and start overrides, counted as Word counts them, and the assembly of
// consecutive list paragraphs into nested model lists.
#pragma once

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "galley/doc.hpp"
#include "read/docx_package.hpp"

namespace galley::read::docx {

struct LevelFormat {
  bool ordered = false;
  int start = 1;
};

class Numbering {
 public:
  void load(pugi::xml_node root) {
    for (pugi::xml_node node : root.children()) {
      if (is_element(node, "abstractNum")) {
        std::array<LevelFormat, 9>& levels = abstract_[attribute(node, "abstractNumId")];
        for (pugi::xml_node level : node.children()) {
          if (!is_element(level, "lvl")) continue;
          const int index = int_value(attribute(level, "ilvl"), -1);
          if (index < 0 || index > 8) continue;
          const std::string format = value_of(level, "numFmt");
          levels[static_cast<std::size_t>(index)].ordered = !format.empty() && format != "bullet" && format != "none";
          levels[static_cast<std::size_t>(index)].start = std::max(0, int_value(value_of(level, "start"), 1));
        }
      } else if (is_element(node, "num")) {
        Instance& instance = instances_[attribute(node, "numId")];
        instance.abstract_id = value_of(node, "abstractNumId");
        for (pugi::xml_node override_node : node.children()) {
          if (!is_element(override_node, "lvlOverride")) continue;
          const int index = int_value(attribute(override_node, "ilvl"), -1);
          const std::string start = value_of(override_node, "startOverride");
          if (index >= 0 && index <= 8 && !start.empty())
            instance.start_overrides[index] = std::max(0, int_value(start, 1));
        }
      }
    }
  }

  struct Item {
    bool ordered;
    int number;
    std::string list_id;  // the abstract numbering: items of one list share it
  };

  // The next item of list `num_id` at `level`: its number counts on from
  // the last item of the same abstract list (Word continues a list across
  // other paragraphs), restarting where the instance overrides the start
  // and below any higher-level item.
  std::optional<Item> next(const std::string& num_id, int level) {
    auto instance = instances_.find(num_id);
    if (num_id.empty() || num_id == "0" || instance == instances_.end()) return std::nullopt;
    level = std::clamp(level, 0, 8);
    const std::string& abstract_id = instance->second.abstract_id;
    const LevelFormat format = abstract_.count(abstract_id) ? abstract_[abstract_id][static_cast<std::size_t>(level)]
                                                            : LevelFormat{};
    std::array<int, 9>& counters = counters_[abstract_id];
    if (!counters_started_.count(abstract_id)) {
      counters.fill(-1);
      counters_started_.insert(abstract_id);
    }
    int& counter = counters[static_cast<std::size_t>(level)];
    auto override_start = instance->second.start_overrides.find(level);
    if (override_start != instance->second.start_overrides.end() &&
        instance->second.overridden_levels.insert(level).second)
      counter = override_start->second;
    else if (counter < 0)
      counter = format.start;
    const int number = counter++;
    for (std::size_t deeper = static_cast<std::size_t>(level) + 1; deeper < 9; ++deeper) counters[deeper] = -1;
    return Item{format.ordered, number, abstract_id.empty() ? "num:" + num_id : abstract_id};
  }

 private:
  struct Instance {
    std::string abstract_id;
    std::map<int, int> start_overrides;
    std::set<int> overridden_levels;  // overrides already applied (the first item restarts)
  };
  std::map<std::string, std::array<LevelFormat, 9>> abstract_;
  std::map<std::string, Instance> instances_;
  std::map<std::string, std::array<int, 9>> counters_;
  std::set<std::string> counters_started_;
};

// Consecutive list paragraphs become one model list, nested by level.
class ListAssembler {
 public:
  explicit ListAssembler(doc::Blocks& out) : out_(out) {}
  ~ListAssembler() = default;

  void add(int level, const Numbering::Item& item, doc::Blocks body) {
    while (!open_.empty() && open_.back().level > level) close_top();
    if (!open_.empty() && open_.back().level == level &&
        (open_.back().list_id != item.list_id || open_.back().list.ordered != item.ordered ||
         (item.ordered && item.number != open_.back().next_number)))
      close_top();
    if (open_.empty() || open_.back().level < level) {
      if (!open_.empty() && open_.back().list.items.empty()) open_.back().list.items.emplace_back();
      OpenList list;
      list.level = level;
      list.list.ordered = item.ordered;
      list.list.start = item.ordered ? item.number : 1;
      list.list_id = item.list_id;
      open_.push_back(std::move(list));
    }
    open_.back().list.items.push_back(std::move(body));
    open_.back().next_number = item.number + 1;
  }

  bool is_open() const { return !open_.empty(); }

  void close() {
    while (!open_.empty()) close_top();
  }

 private:
  struct OpenList {
    int level = 0;
    doc::List list;
    std::string list_id;
    int next_number = 1;
  };
  void close_top() {
    doc::List list = std::move(open_.back().list);
    open_.pop_back();
    if (open_.empty())
      out_.emplace_back(std::move(list));
    else
      open_.back().list.items.back().emplace_back(std::move(list));
  }

  doc::Blocks& out_;
  std::vector<OpenList> open_;
};

}  // namespace galley::read::docx
