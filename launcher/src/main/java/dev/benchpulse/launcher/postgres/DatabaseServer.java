package dev.benchpulse.launcher.postgres;

import dev.benchpulse.launcher.supervision.Component;

/** The stack's PostgreSQL, embedded or existing: a component, and the database the results service uses. */
public interface DatabaseServer extends Component {

    Database database();
}
