# Transcribes the MinIO guide as Authelia's docs show it since it offers configuration methods
# (../shared/guides/minio/current.md: Environment Variables, with a .env block and a Docker Compose
# block, and the Web GUI, steps 1 to 9). features/minio/web-gui-only.feature transcribes the earlier
# form (the project's copy, guide.md). The suite runs the feature that transcribes the guide it is given.
#
# A "# guide step N" comment says which numbered step of the Web GUI method the next Gherkin step
# transcribes; "# guide: Section" names another part of the guide, "Application > <method>" a
# configuration method by its heading. Values in quotes are the guide's words; at run time the suite
# takes every value from the guide itself.
Feature: Integrating MinIO with the Authelia OpenID Connect 1.0 Provider, by every configuration method
  As an Authelia docs maintainer
  I want each configuration method of the MinIO guide done against the real products
  So that the guide says only what is true, whichever method a reader picks

  Background:
    # guide: Configuration > Authelia
    Given Authelia runs with the guide's client configuration for MinIO

  Scenario: Configure MinIO with the Web GUI
    # guide: Application > Web GUI
    Given MinIO runs at the guide's Application Root URL with no OpenID configuration
    # guide step 1
    When I login to MinIO
    # guide step 2
    And on the left hand menu, I go to "Identity", then "OpenID"
    # guide step 3
    And on the top right, I click "Create Configuration"
    # guide step 4
    And I configure the following options
    # guide step 5
    And I press "Save" at the bottom
    # guide step 6
    And I accept the offer of a server restart at the top
    # guide step 6
    And I refresh the page and sign out if not done so automatically
    Then the login screen appears again

  Scenario Outline: Configured by "<method>", a user in a group that matches a policy name logs in through Authelia
    # guide: Application > <method>
    Given MinIO is configured as the guide's "<method>" method says
    # guide step 7
    And "maintainer" is in the Authelia group "readwrite", which matches the policy name in MinIO
    # guide step 8
    When the login screen appears again, I click the "Authelia" button
    # guide step 9
    And I login as "maintainer"
    Then I am logged in to MinIO as "maintainer"
    And the policy "readwrite" lets me create a bucket

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |
      | Web GUI                                |

  Scenario Outline: Configured by "<method>", a user in no group that matches a policy name is refused
    # guide: Application > <method>
    Given MinIO is configured as the guide's "<method>" method says
    # guide step 7
    And "outsider" is in no Authelia group that matches a policy name in MinIO
    # guide step 8
    When the login screen appears again, I click the "Authelia" button
    # guide step 9
    And I login as "outsider"
    Then MinIO refuses me, saying why

    Examples:
      | method                                 |
      | Environment Variables (Standard)       |
      | Environment Variables (Docker Compose) |
      | Web GUI                                |

  @deviation
  Scenario: Step 8 as written: "Authelia" is selected from "Other Authentication Methods"
    Recorded deviation: MinIO's console shows the one identity provider as a button above the
    form; the "Other Authentication Methods" list offers only "Use Credentials" and "Use STS".
    This scenario stays green while that is so and turns red when guide or console change.

    # guide: Application > Web GUI
    Given MinIO is configured as the guide's "Web GUI" method says
    # guide step 8
    When the login screen appears again, I click "Other Authentication Methods" open, then select "Authelia" from the list
