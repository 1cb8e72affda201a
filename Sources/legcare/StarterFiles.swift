import LegCareIntake

/// What `legcare init` writes: a clinic.yaml whose every setting is explained with its
/// default, the three CSV files with their headers only, and a short README.txt.
enum StarterFiles {
    static var all: [(name: String, text: String)] {
        [
            ("README.txt", readme),
            ("Input/clinic.yaml", clinicYAML),
            ("Input/clients.csv", ClientsReader.columns.joined(separator: ",") + "\n"),
            ("Input/sessions.csv", SessionsReader.columns.joined(separator: ",") + "\n"),
            ("Input/training.csv", TrainingReader.columns.joined(separator: ",") + "\n"),
        ]
    }

    static let readme = """
        LegCare: your clinic's folder
        =============================

        1. Input/clinic.yaml: your clinic's name, contact and booking lines, the
           emergency number, and each therapist with their weekly hours. Every
           setting is explained there; delete the # in front of one to use it.
        2. Input/clients.csv: one row per client, under the header row. Only
           client_id and name are required; docs/data-contract.md in LegCare's
           source (or `man legcare`) says what each column takes.
        3. Input/sessions.csv (optional): the sessions delivered, for the
           manager's volumes and utilisation. Delete it if you have none.
        4. Input/training.csv (optional): a squad's daily training, for load and
           attention. Delete it if you have none.

        Then, from this folder:

            legcare validate     lists every problem in the files, writes nothing
            legcare report       writes the week's reports into Reports/<ISO week>/

        The reports hold health data: keep this folder where only the clinic can
        read it.

        """

    static let clinicYAML = """
        # LegCare settings for one clinic. Each setting says what it does and its
        # default; a line starting with # is not used. Remove the # to set one.

        # The name at the top of every handout and of the workbook.
        clinic_name: Your clinic

        # A line under the clinic's name on each handout: address, phone. Default: none.
        # contact: "Your clinic, 1 High Street. Questions: 01234 567890"

        # How a client books or moves a session, printed on each handout. Default: none.
        # booking: "Book at the front desk or on 01234 567890."

        # The last line of each handout. Default: none.
        # footer: "This plan was prepared for you by your therapist."

        # The number a handout tells a client to call in an emergency. Default: none,
        # and the handout says "your local emergency number".
        # emergency_number: "999"

        # The day the clinic's week starts on, for due dates and the timetable.
        # Default: monday.
        # week_start: monday

        # A folder holding your own handout.mustache, and any language catalogs you
        # add or change (es.catalog, it.catalog...), relative to this file.
        # Default: the handout and catalogs LegCare ships.
        # template_folder: templates

        # The handouts' language when a client's row names none: en, es, fr, de or pl,
        # or one you add with a catalog. A client's own language column wins.
        # Default: en.
        # language: en

        # Who works this week: each therapist's hours, spread evenly over the days
        # they work (default days: mon to fri). Default: no therapists, and the
        # timetable books no one.
        # therapists:
        #   - name: First Therapist
        #     hours: 30
        #   - name: Second Therapist
        #     hours: 16
        #     days: [mon, wed, fri]

        # A wellness score this many standard deviations below the athlete's own
        # 28-day mean is amber, or red.
        # wellness:
        #   amber_sd: 1.0
        #   red_sd: 2.0

        # The plan engine's thresholds; the values shown are the defaults.
        # thresholds:
        #   pain_gate: 8                       # pain at or above this: gentle work only
        #   max_routine_items: 5               # self-massage areas at most
        #   max_routine_minutes: 15            # a routine's minutes at most
        #   deep_work_from_days: 2             # deep work from this many days after a hard session
        #   deep_work_to_days: 3               # ...and within this many
        #   no_deep_work_before_event_days: 2  # no deep work this many days before an event
        #   doms_gentle_days: 2                # soreness this soon after a hard session: gentle only
        #   acwr_spike: 1.5                    # acute:chronic load ratio above this is a spike
        #   monotony_high: 2.0                 # training monotony above this is flagged
        #   acwr_minimum_history_days: 28      # days of training log before an ACWR is shown
        #   default_session_minutes: 60        # a session's length when the client gives none
        #   gentle_session_minutes: 45         # a gentle session's length
        #   interval_days:                     # days between sessions, by training load
        #     none: 28
        #     light: 21
        #     moderate: 14
        #     heavy: 7
        #   sessions_per_week:                 # self-massage sessions a week, by training load
        #     none: 2
        #     light: 2
        #     moderate: 3
        #     heavy: 5

        """
}
