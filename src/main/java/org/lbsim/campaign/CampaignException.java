package org.lbsim.campaign;

/**
 * A campaign that cannot be used as asked: a file that is no campaign, a study that differs from
 * the one stored, runs that disagree. The message says which file and what differs.
 */
public final class CampaignException extends RuntimeException {

    public CampaignException(String message) {
        super(message);
    }

    public CampaignException(String message, Throwable cause) {
        super(message, cause);
    }
}
