package org.socialwork.projects.project;

public enum FundingSource {
    SOCIAL_ASSISTANCE_FUND, WELFARE_LOTTERY_FUND, FISCAL_BUDGET, DONATION, OTHER
}
