package org.socialwork.personnel.dispatch;

/** Dispatch totals of one receiving county (in one year when a year is asked for). */
public record CountyTotals(String receivingCountyCode, long programmes, long workersDispatched, long localTrainees) {
}
