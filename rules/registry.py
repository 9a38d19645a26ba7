"""The built-in rule pack, family by family: the one list of which rules exist.

Written out rather than found by scanning the package, so that a rule is installed because it
is listed here (a stray module cannot register itself), the order of the families is the
order of the documentation, and a reader finds every code in one screen. Adding a rule is one
line here plus its module. Modules are imported only by ``all_rules``, inside the
``govlint_register_rules`` hook, so ``govlint --version`` imports none of them.
"""

from __future__ import annotations

import importlib

#: family (a subpackage of ``govlint_rules``) → its rules as ``"module:Class"``, by code.
FAMILIES: dict[str, tuple[str, ...]] = {
    "input": (
        "gl000_internal_error:InternalError",
        "gl001_unreadable_input:UnreadableInput",
        "gl002_not_an_annual_report:NotAnAnnualReport",
        "gl003_encoding_problem:EncodingProblem",
        "gl004_invalid_suppression:InvalidSuppression",
        "gl005_unused_suppression:UnusedSuppression",
        "gl006_partly_read_input:PartlyReadInput",
    ),
    "structure": (
        "gl101_missing_section:MissingSection",
        "gl102_section_order:SectionOrder",
        "gl103_missing_table:MissingTable",
        "gl104_incomplete_table:IncompleteTable",
        "gl105_cells_not_separable:CellsNotSeparable",
    ),
    "tables": (
        "gl201_table3_balance:Table3Balance",
        "gl202_table3_results_total:Table3ResultsTotal",
        "gl203_table3_applicant_total:Table3ApplicantTotal",
        "gl204_table4_total:Table4Total",
        "gl205_invalid_cell:InvalidCell",
        "gl206_table2_implausible:Table2Implausible",
        "gl207_table3_misassigned_applicant:Table3MisassignedApplicant",
    ),
    "template": (
        "gl301_outdated_template:OutdatedTemplate",
        "gl302_hybrid_template_label:HybridTemplateLabel",
        "gl303_pre2019_format:Pre2019Format",
    ),
    "fees": (
        "gl401_missing_fee_statement:MissingFeeStatement",
        "gl402_contradictory_fee_statements:ContradictoryFeeStatements",
        "gl403_fee_vs_table:FeeVsTable",
    ),
    "claims": (
        "gl501_text_table_mismatch:TextTableMismatch",
        "gl502_completion_claim:CompletionClaim",
    ),
    "dates": (
        "gl601_year_mismatch:YearMismatch",
        "gl602_missing_statistical_period:MissingStatisticalPeriod",
        "gl603_late_publication:LatePublication",
    ),
    "wording": (
        "gl701_document_number_format:DocumentNumberFormat",
        "gl702_misquoted_title:MisquotedTitle",
    ),
    "corpus": (
        "gl801_carryover_continuity:CarryoverContinuity",
        "gl802_copied_report:CopiedReport",
        "gl803_in_force_chain:InForceChain",
        "gl804_summary_mismatch:SummaryMismatch",
    ),
}


def rule_classes() -> list[type]:
    """Every listed rule class, family by family, importing each family's modules."""
    package = __name__.rpartition(".")[0]
    classes = []
    for family, entries in FAMILIES.items():
        for entry in entries:
            module_name, _, class_name = entry.partition(":")
            module = importlib.import_module(f"{package}.{family}.{module_name}")
            classes.append(getattr(module, class_name))
    return classes


def all_rules() -> list:
    """An instance of every rule of the pack, sorted by code."""
    return sorted((cls() for cls in rule_classes()), key=lambda rule: rule.code)
